//! What the page learns when the engine fails. `wasm32-unknown-unknown`
//! aborts on a panic and on a refused allocation alike: JavaScript sees
//! `RuntimeError: unreachable` and nothing more. So both are recorded on the
//! way down (a panic hook; an allocator that notes what the browser refused)
//! and the worker reads them back with `lastFailure()` after the trap, before
//! it throws the broken instance away.

use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Mutex, Once};

use wasm_bindgen::prelude::*;

/// The size of the last allocation the browser refused, 0 if none.
static REFUSED: AtomicUsize = AtomicUsize::new(0);
/// The message of the last panic.
static PANIC: Mutex<Option<String>> = Mutex::new(None);

/// The standard allocator, noting the size of any allocation that fails
/// (memory could not grow: the 4 GB ceiling or the browser's own limit).
///
/// `realloc` and `alloc_zeroed` keep `GlobalAlloc`'s defaults, which go
/// through `alloc`, so their failures are noted too. Passing them straight to
/// `System` instead added 17 KB to the module (3.5 KB gzipped, over the size
/// target) for no measured gain: a 6 MB paraphrase took 1.98 s and 231 MB
/// that way, 2.02 s and 232 MB this way (`node bench/limits.mjs paraphrase 6`).
struct Recording;

// SAFETY: every call is passed on unchanged to `System`, which upholds the
// `GlobalAlloc` contract; the only addition is a store to an atomic.
unsafe impl GlobalAlloc for Recording {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        // SAFETY: the caller's guarantees are `System.alloc`'s.
        note(unsafe { System.alloc(layout) }, layout.size())
    }

    unsafe fn dealloc(&self, pointer: *mut u8, layout: Layout) {
        // SAFETY: `pointer` came from `System` through this allocator.
        unsafe { System.dealloc(pointer, layout) }
    }
}

fn note(pointer: *mut u8, size: usize) -> *mut u8 {
    if pointer.is_null() {
        REFUSED.store(size, Ordering::Relaxed);
    }
    pointer
}

#[global_allocator]
static ALLOCATOR: Recording = Recording;

/// Installs the panic hook, once: it keeps the message for `lastFailure()`
/// and, in development builds, also writes it with a stack to the console.
pub fn install_panic_hook() {
    static ONCE: Once = Once::new();
    ONCE.call_once(|| {
        std::panic::set_hook(Box::new(|info| {
            #[cfg(debug_assertions)]
            console_error_panic_hook::hook(info);
            record_panic(info.to_string());
        }));
    });
}

fn record_panic(message: String) {
    if let Ok(mut last) = PANIC.lock() {
        *last = Some(message);
    }
}

/// Why the engine stopped, after a `RuntimeError` from one of its calls:
/// `{ kind: "memory", requested, held }` when the browser refused it memory,
/// `{ kind: "panic", message }` for an internal error, or `undefined`.
/// Reading it clears it.
#[wasm_bindgen(js_name = lastFailure)]
pub fn last_failure() -> JsValue {
    let refused = REFUSED.swap(0, Ordering::Relaxed);
    let panic = PANIC.lock().ok().and_then(|mut last| last.take());
    let object = js_sys::Object::new();
    let set = |key: &str, value: JsValue| {
        let _ = js_sys::Reflect::set(&object, &JsValue::from_str(key), &value);
    };
    if refused > 0 {
        set("kind", "memory".into());
        set("requested", (refused as f64).into());
        set("held", (held_bytes() as f64).into());
    } else if let Some(message) = panic {
        set("kind", "panic".into());
        set("message", message.into());
    } else {
        return JsValue::UNDEFINED;
    }
    object.into()
}

/// The WebAssembly memory the engine holds, in bytes.
fn held_bytes() -> usize {
    core::arch::wasm32::memory_size(0) * 65536
}
