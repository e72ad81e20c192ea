//go:build unix && !linux

package store

// mapPopulate is Linux's MAP_POPULATE; elsewhere pages map on first read.
const mapPopulate = 0
