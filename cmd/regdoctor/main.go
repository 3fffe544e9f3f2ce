// Command regdoctor tells why a container-registry push, pull or login failed
// in CI, and what to change. See 'regdoctor --help'.
package main

import (
	"os"

	"github.com/regdoctor/regdoctor/internal/cli"
	"github.com/regdoctor/regdoctor/internal/startheap"
)

func main() {
	// Start-up allocates about 16 MB (about 3 MB of it stays live): no
	// collection before explain reads its first lines (internal/startheap).
	startheap.Adjust(32 << 20)
	os.Exit(cli.Main(os.Args[1:], os.Stdout, os.Stderr))
}
