package io.drydock.allocator.resources;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/** Value arithmetic for ranges and sets; strict: overlaps on add and missing parts on subtract fail. */
final class ResourceMath {

    private ResourceMath() {
    }

    static String formatMillis(long millis) {
        return BigDecimal.valueOf(millis, 3).stripTrailingZeros().toPlainString();
    }

    static List<Range> addRanges(List<Range> a, List<Range> b, String name) {
        List<Range> all = new ArrayList<>(a.size() + b.size());
        all.addAll(a);
        all.addAll(b);
        all.sort(null);
        for (int i = 1; i < all.size(); i++) {
            if (all.get(i).begin() <= all.get(i - 1).end()) {
                throw new IllegalArgumentException("Double count of '" + name + "': ranges " + all.get(i - 1)
                        + " and " + all.get(i) + " overlap");
            }
        }
        return Resource.coalesce(all);
    }

    static boolean containsRanges(List<Range> outer, List<Range> inner) {
        int j = 0;
        for (Range r : inner) {
            while (j < outer.size() && outer.get(j).end() < r.begin()) {
                j++;
            }
            if (j == outer.size() || outer.get(j).begin() > r.begin() || outer.get(j).end() < r.end()) {
                return false;
            }
        }
        return true;
    }

    static List<Range> subtractRanges(List<Range> outer, List<Range> inner) {
        List<Range> out = new ArrayList<>();
        int j = 0;
        for (Range o : outer) {
            long begin = o.begin();
            while (j < inner.size() && inner.get(j).end() < begin) {
                j++;
            }
            int k = j;
            while (k < inner.size() && inner.get(k).begin() <= o.end()) {
                Range cut = inner.get(k);
                if (cut.begin() > begin) {
                    out.add(new Range(begin, cut.begin() - 1));
                }
                begin = Math.max(begin, cut.end() + 1);
                k++;
            }
            if (begin <= o.end()) {
                out.add(new Range(begin, o.end()));
            }
        }
        return out;
    }

    static List<String> addItems(List<String> a, List<String> b, String name) {
        TreeSet<String> set = new TreeSet<>(a);
        for (String item : b) {
            if (!set.add(item)) {
                throw new IllegalArgumentException("Double count of '" + name + "': item '" + item + "'");
            }
        }
        return List.copyOf(set);
    }

    static List<String> subtractItems(List<String> a, List<String> b) {
        TreeSet<String> set = new TreeSet<>(a);
        set.removeAll(b);
        return List.copyOf(set);
    }
}
