//! Integration tests: the real binary in temporary directories, one module per command
//! family.

mod access;
mod audit;
mod common;
mod completions;
mod data_safety;
mod doctor;
mod export;
mod foundation;
mod help;
mod hints;
mod invites;
mod media;
mod members;
mod pg;
mod profiles;
mod prompts;
mod props;
mod pty;
mod races;
mod review;
mod safety;
mod seeds;
mod sessions;
mod strict_json;
mod users;
