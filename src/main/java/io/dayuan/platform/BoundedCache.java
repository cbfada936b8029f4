package io.dayuan.platform;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Predicate;

/** At most a given number of entries, the least recently used dropped first; safe to share between threads. */
public final class BoundedCache<K, V> {

    private final Map<K, V> entries;

    public BoundedCache(int capacity) {
        this.entries = new LinkedHashMap<>(Math.min(capacity, 256), 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
                return size() > capacity;
            }
        };
    }

    public synchronized V get(K key) {
        return entries.get(key);
    }

    public synchronized void put(K key, V value) {
        entries.put(key, value);
    }

    public synchronized void removeIf(Predicate<V> stale) {
        entries.values().removeIf(stale);
    }
}
