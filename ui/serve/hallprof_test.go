package serve

import (
	"context"
	"os"
	"runtime/pprof"
	"sync"

	"werkstatt/model"
	"werkstatt/store"
	"werkstatt/ui/live"
)

// HALL_PROFILE=FILE runs the load test's steady part with the hub in this
// process instead of the binary, and writes a CPU profile of the process
// to FILE. Every goroutine of the hub (the SSH server, its sessions'
// programs, the hub's deliveries) carries the label side=hub, so
//
//	HALL_PROFILE=/tmp/hall.prof go test ./ui/serve -run TestHallLoad -timeout 30m -v -args -hallperf -hallquick
//	go tool pprof -tagfocus side=hub -top /tmp/hall.prof
//
// shows where the hub's time goes, apart from the load generator's
// clients and terminal emulators. The binary has no profiling endpoint.
type inProc struct {
	st   *store.Store
	srv  *Server
	f    *os.File
	once sync.Once
}

func (lt *loadTest) startInProc(handle, profile string) *hubProc {
	t := lt.t
	st, err := store.Open(lt.db, nil)
	if err != nil {
		t.Fatal(err)
	}
	w, err := st.Workshop(handle)
	if err != nil {
		t.Fatal(err)
	}
	in := &inProc{st: st}
	pprof.Do(context.Background(), pprof.Labels("side", "hub"), func(context.Context) {
		in.srv, err = Start(live.New(st), Options{Listen: "127.0.0.1", PIN: perfPIN, FacilitatorPIN: perfFacPIN,
			Lang: model.German, Workshop: w.ID, HostKey: HostKeyPath(lt.db)})
	})
	if err != nil {
		t.Fatal(err)
	}
	if in.f, err = os.Create(profile); err != nil {
		t.Fatal(err)
	}
	if err := pprof.StartCPUProfile(in.f); err != nil {
		t.Fatal(err)
	}
	return &hubProc{port: in.srv.Port(), in: in}
}

func (in *inProc) stop() {
	in.once.Do(func() {
		pprof.StopCPUProfile()
		in.f.Close()
		in.srv.Close()
		in.st.Close()
	})
}

// count is how many of the load's cards the hub's store holds.
func (in *inProc) count(handle string) int {
	w, err := in.st.Workshop(handle)
	if err != nil {
		return -1
	}
	snap, err := in.st.Snapshot(w.ID)
	if err != nil {
		return -1
	}
	n := 0
	for _, c := range snap.Cards {
		if tagRE.MatchString(c.Text) {
			n++
		}
	}
	return n
}
