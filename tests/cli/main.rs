//! Integration tests: the real binary in temporary directories, one module per command
//! family.

mod audit;
mod common;
mod foundation;
mod invites;
mod media;
mod members;
mod profiles;
mod users;
