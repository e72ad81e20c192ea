package store

import "syscall"

// mapPopulate asks Linux to map every page of the file at once, which
// costs less than a fault per page on the first read.
const mapPopulate = syscall.MAP_POPULATE
