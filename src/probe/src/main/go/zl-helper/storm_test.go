package main

import (
	"testing"
	"time"
)

// A storm settles once slowerThanP99(n) reaps were over the bound: for every n, that many values above the bound
// put the p99 above it whatever the rest are, and one fewer may not.
func TestSlowerThanP99IsTheFewestThatDecide(t *testing.T) {
	if got := slowerThanP99(500); got != 6 {
		t.Fatalf("slowerThanP99(500) = %d, want 6", got)
	}
	bound := time.Second
	for n := 1; n <= 1000; n++ {
		k := slowerThanP99(n)
		if k < 1 || k > n {
			t.Fatalf("slowerThanP99(%d) = %d, outside 1..%d", n, k, n)
		}
		if p99 := quantile(values(n, k, bound), 0.99); p99 <= bound {
			t.Fatalf("n=%d: %d values over the bound, yet the p99 %v is within it", n, k, p99)
		}
		if k > 1 {
			if p99 := quantile(values(n, k-1, bound), 0.99); p99 > bound {
				t.Fatalf("n=%d: %d values over the bound already decide the p99 (%v): slowerThanP99 is not the fewest", n, k-1, p99)
			}
		}
	}
}

// values is n sorted durations, the last over of them above bound and the rest at zero.
func values(n, over int, bound time.Duration) []time.Duration {
	v := make([]time.Duration, n)
	for i := n - over; i < n; i++ {
		v[i] = bound + time.Millisecond
	}
	return v
}
