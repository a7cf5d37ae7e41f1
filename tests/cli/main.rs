//! Integration tests: the real binary in temporary directories, one module per command
//! family.

mod common;
mod foundation;
mod media;
