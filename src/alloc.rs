//! The global allocator: mimalloc, asked for a plain block wherever a plain block is
//! aligned enough.
//!
//! The `mimalloc` crate asks for every block with `mi_malloc_aligned`. In mimalloc 3 that
//! has a fast path for blocks up to 1 KiB only; a larger one whose size is not a power of two
//! (a vector of tokens or offsets) with an alignment above one is over-allocated and its
//! pointer adjusted (about 175 instructions, six times an article). `mi_malloc` gives
//! 16-byte alignment (`MI_MAX_ALIGN_SIZE`) and, below 16 bytes, blocks aligned to their
//! size class: the rule the standard library's `System` allocator applies to `malloc`.

use std::alloc::{GlobalAlloc, Layout};
use std::ffi::c_void;

use libmimalloc_sys as mi;

/// The alignment every `mi_malloc` block has when it is at least this large.
const PLAIN_ALIGN: usize = 16;

/// mimalloc, through its plain entry points when they are aligned enough.
pub struct MiMalloc;

/// Does a plain block of `size` bytes have alignment `align`?
#[inline]
fn plain(align: usize, size: usize) -> bool {
    align <= PLAIN_ALIGN && align <= size
}

/// A new block for `layout` from mimalloc's plain entry point `plain_fn` when it is aligned
/// enough, else from its aligned one `aligned_fn`: `mi_malloc`/`mi_malloc_aligned`, or the
/// zeroing pair.
///
/// # Safety
/// `plain_fn` and `aligned_fn` must be such a pair of mimalloc's allocating entry points.
#[inline(always)]
unsafe fn block(
    layout: Layout,
    plain_fn: unsafe extern "C" fn(usize) -> *mut c_void,
    aligned_fn: unsafe extern "C" fn(usize, usize) -> *mut c_void,
) -> *mut u8 {
    let (size, align) = (layout.size(), layout.align());
    // SAFETY: plain C calls; mimalloc returns null on failure, as `alloc` must.
    unsafe {
        if plain(align, size) {
            plain_fn(size).cast()
        } else {
            aligned_fn(size, align).cast()
        }
    }
}

// SAFETY: every block comes from mimalloc with at least the layout's alignment (plain
// blocks only when `plain` holds, see the module note), and goes back to it with
// `mi_free`, which takes blocks from any of its entry points, aligned or not.
unsafe impl GlobalAlloc for MiMalloc {
    #[inline]
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        // SAFETY: mimalloc's allocating pair.
        unsafe { block(layout, mi::mi_malloc, mi::mi_malloc_aligned) }
    }

    #[inline]
    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        // SAFETY: mimalloc's zeroing pair.
        unsafe { block(layout, mi::mi_zalloc, mi::mi_zalloc_aligned) }
    }

    #[inline]
    unsafe fn dealloc(&self, ptr: *mut u8, _layout: Layout) {
        // SAFETY: `ptr` came from this allocator (the caller's contract), so from mimalloc.
        unsafe { mi::mi_free(ptr.cast()) }
    }

    #[inline]
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        let align = layout.align();
        // SAFETY: `ptr` came from mimalloc (the caller's contract); `mi_realloc` takes any
        // of its blocks, and its new block is plain, aligned enough when `plain` holds.
        unsafe {
            if plain(align, new_size) {
                mi::mi_realloc(ptr.cast(), new_size).cast()
            } else {
                mi::mi_realloc_aligned(ptr.cast(), new_size, align).cast()
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Blocks of every size up to 5,000 bytes and every alignment up to 64 are aligned,
    /// keep their bytes when they grow or shrink (between plain and aligned blocks both
    /// ways), and zeroed ones are zero.
    #[test]
    fn blocks_are_aligned_and_keep_their_bytes() {
        let a = MiMalloc;
        let mut seed = 5;
        for align in [1, 2, 4, 8, 16, 32, 64] {
            let aligned = |p: *mut u8| !p.is_null() && (p as usize).is_multiple_of(align);
            for size in (1..5000).step_by(7).chain([align, 2 * align, 4096, 4095]) {
                let layout = Layout::from_size_align(size, align).unwrap();
                // SAFETY: layouts of non-zero size; every block is freed with its layout.
                unsafe {
                    let z = a.alloc_zeroed(layout);
                    assert!(aligned(z));
                    assert!(std::slice::from_raw_parts(z, size).iter().all(|&b| b == 0));
                    a.dealloc(z, layout);

                    let p = a.alloc(layout);
                    assert!(aligned(p), "{size} {align}");
                    let bytes: Vec<u8> = (0..size)
                        .map(|_| crate::xorshift(&mut seed) as u8)
                        .collect();
                    p.copy_from_nonoverlapping(bytes.as_ptr(), size);
                    let new_size = (crate::xorshift(&mut seed) % 6000) as usize + 1;
                    let q = a.realloc(p, layout, new_size);
                    assert!(aligned(q), "{size}->{new_size} {align}");
                    let kept = size.min(new_size);
                    assert_eq!(std::slice::from_raw_parts(q, kept), &bytes[..kept]);
                    a.dealloc(q, Layout::from_size_align(new_size, align).unwrap());
                }
            }
        }
    }
}
