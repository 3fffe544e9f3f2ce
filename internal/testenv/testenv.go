// Package testenv locates test inputs that live outside the repository.
package testenv

import (
	"os"
	"path/filepath"
	"runtime"
	"testing"
)

// RepoRoot returns the repository root (the directory holding go.mod).
func RepoRoot() string {
	_, file, _, _ := runtime.Caller(0)
	return filepath.Clean(filepath.Join(filepath.Dir(file), "..", ".."))
}

// SharedDir returns the shared/ folder (domain facts and the real corpus):
// $REGDOCTOR_SHARED when set, else ../shared beside the repository root.
// It skips the test with a message when the folder is absent.
func SharedDir(t testing.TB) string {
	t.Helper()
	dir := os.Getenv("REGDOCTOR_SHARED")
	if dir == "" {
		dir = filepath.Join(RepoRoot(), "..", "shared")
	}
	if _, err := os.Stat(filepath.Join(dir, "domain", "causes.md")); err != nil {
		t.Skipf("shared/ not found at %s (set REGDOCTOR_SHARED): corpus test skipped", dir)
	}
	return dir
}
