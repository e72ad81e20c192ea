// Command hello is the floor of BenchmarkCommandProcess: a hello-world Go
// program, the least a Go binary costs to start and exit.
package main

import "fmt"

func main() { fmt.Println("hello, world") }
