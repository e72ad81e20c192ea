package phone

import "testing"

// backendFor is the store itself until the tests run against the hub.
func backendFor(t *testing.T, e *env) Backend { return e.st }
