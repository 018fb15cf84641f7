//! A small, fast hasher for integer keys (the Fx hash used inside rustc): map building hashes
//! tens of thousands of index pairs per filter change, where SipHash's collision resistance
//! buys nothing (keys are indices and coordinates from the app's own data, not attacker-chosen
//! strings kept across requests).

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

/// The Fx hasher.
#[derive(Clone, Copy, Debug, Default)]
pub struct FxHasher {
    hash: u64,
}

const SEED: u64 = 0x51_7c_c1_b7_27_22_0a_95;

impl FxHasher {
    #[inline]
    fn add(&mut self, word: u64) {
        self.hash = (self.hash.rotate_left(5) ^ word).wrapping_mul(SEED);
    }
}

impl Hasher for FxHasher {
    #[inline]
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for chunk in &mut chunks {
            let mut word = [0u8; 8];
            word.copy_from_slice(chunk);
            self.add(u64::from_le_bytes(word));
        }
        for &b in chunks.remainder() {
            self.add(u64::from(b));
        }
    }

    #[inline]
    fn write_u8(&mut self, i: u8) {
        self.add(u64::from(i));
    }

    #[inline]
    fn write_u16(&mut self, i: u16) {
        self.add(u64::from(i));
    }

    #[inline]
    fn write_u32(&mut self, i: u32) {
        self.add(u64::from(i));
    }

    #[inline]
    fn write_u64(&mut self, i: u64) {
        self.add(i);
    }

    #[inline]
    fn write_usize(&mut self, i: usize) {
        self.add(i as u64);
    }

    #[inline]
    fn finish(&self) -> u64 {
        self.hash
    }
}

/// A `HashMap` with the Fx hasher.
pub type FxHashMap<K, V> = HashMap<K, V, BuildHasherDefault<FxHasher>>;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_map_with_the_fast_hasher_behaves_like_any_map() {
        let mut map: FxHashMap<(usize, usize), usize> = FxHashMap::default();
        for i in 0..10_000 {
            map.insert((i, i * 7 % 13), i);
        }
        assert_eq!(map.len(), 10_000);
        assert_eq!(map.get(&(42, 42 * 7 % 13)), Some(&42));
        assert_eq!(map.get(&(42, 0)), None);
        // Consecutive keys land in different buckets (hashbrown indexes by the low bits).
        let hash = |v: u64| {
            let mut h = FxHasher::default();
            h.write_u64(v);
            h.finish()
        };
        let distinct: std::collections::HashSet<u64> = (0..1000).map(|v| hash(v) & 1023).collect();
        assert_eq!(distinct.len(), 1000);
    }
}
