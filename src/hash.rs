//! Hash maps and sets with a fast hash (foldhash, randomly seeded like std's) for
//! the maps built on every run: paths, object ids and blob ids, tens of thousands
//! of keys at a time.

pub type HashMap<K, V> = std::collections::HashMap<K, V, foldhash::fast::RandomState>;
pub type HashSet<T> = std::collections::HashSet<T, foldhash::fast::RandomState>;
