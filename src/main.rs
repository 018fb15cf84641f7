//! The web app's entry point: install the panic screen, then mount the app.

fn main() {
    #[cfg(target_arch = "wasm32")]
    youcheng::ui::start();
    #[cfg(not(target_arch = "wasm32"))]
    eprintln!(
        "youcheng is a web app: build it with `make serve` (Trunk, wasm32). \
         The native data tool is `cargo run --bin youcheng-data -- --help`."
    );
}
