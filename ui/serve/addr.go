package serve

import (
	"net"
	"net/netip"
	"slices"
)

// LANAddrs returns the addresses tables can reach for a server listening
// on host ("" or unspecified: every interface's): the IPv4 addresses of
// the interfaces that are up, private ones (the hall's Wi-Fi, a phone's
// hotspot) first; loopback only when there is nothing else.
func LANAddrs(host string) []string {
	if host != "" {
		if ip, err := netip.ParseAddr(host); err == nil && !ip.IsUnspecified() {
			return []string{ip.String()}
		}
		if ip, err := netip.ParseAddr(host); err != nil || !ip.IsUnspecified() {
			return []string{host}
		}
	}
	var private, public []string
	ifs, _ := net.Interfaces()
	for _, ifc := range ifs {
		if ifc.Flags&net.FlagUp == 0 || ifc.Flags&net.FlagLoopback != 0 {
			continue
		}
		addrs, _ := ifc.Addrs()
		for _, a := range addrs {
			pfx, err := netip.ParsePrefix(a.String())
			if err != nil {
				continue
			}
			ip := pfx.Addr()
			if !ip.Is4() || ip.IsLoopback() || ip.IsLinkLocalUnicast() {
				continue
			}
			if ip.IsPrivate() {
				private = append(private, ip.String())
			} else {
				public = append(public, ip.String())
			}
		}
	}
	out := slices.Compact(append(private, public...))
	if len(out) == 0 {
		return []string{"127.0.0.1"}
	}
	return out
}
