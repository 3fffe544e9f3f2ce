// Command regdoctor tells why a container-registry push, pull or login failed
// in CI, and what to change. See 'regdoctor --help'.
package main

import (
	"os"

	"github.com/regdoctor/regdoctor/internal/cli"
)

func main() {
	os.Exit(cli.Main(os.Args[1:], os.Stdout, os.Stderr))
}
