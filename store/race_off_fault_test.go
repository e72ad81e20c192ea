//go:build !race

package store

// raceBuild is true in a -race build, which also turns on checkptr.
const raceBuild = false
