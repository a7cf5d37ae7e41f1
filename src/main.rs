fn main() {
    std::process::exit(roster::run());
}
