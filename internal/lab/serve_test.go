package lab

import (
	"fmt"
	"os"
	"testing"
	"time"
)

// TestServe keeps a token registry running for manual experiments:
// LAB_SERVE=1 go test -run TestServe -v ./internal/lab/
func TestServe(t *testing.T) {
	if os.Getenv("LAB_SERVE") != "1" {
		t.Skip("set LAB_SERVE=1 to run a registry for manual experiments")
	}
	opts := Options{Auth: AuthToken}
	if os.Getenv("LAB_TLS") == "1" {
		opts.TLS, opts.Host = true, "127.0.0.2"
	}
	if os.Getenv("LAB_TOKEN") == "expired" {
		opts.Token = TokenExpired
	}
	if os.Getenv("LAB_TOKEN") == "future" {
		opts.Token = TokenNotYetValid
	}
	r := Start(t, opts)
	r.Seed(t, "team/app", "v1")
	fmt.Printf("ADDR=%s PUSHER=%s READER=%s CA=%s\n", r.Addr, r.Pusher.Password, r.Reader.Password, r.CAFile)
	time.Sleep(10 * time.Minute)
}
