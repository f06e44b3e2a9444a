//! Who `kabar serve` answers. A page on another site can make a browser ask the preview
//! server for anything (DNS rebinding points a name of the attacker's at 127.0.0.1), and a
//! WebSocket is not held to the same-origin rule at all: drafts, embargoed briefings and
//! error messages quoting files would be read across sites. So a request is answered only
//! when its `Host` names the server as it was bound, and a live-reload socket only when its
//! `Origin` is the served site itself (webpack's and Vite's dev servers had CVEs for this).

use std::net::IpAddr;
use std::str::FromStr;

use axum::extract::{Request, State};
use axum::http::uri::Authority;
use axum::http::{HeaderMap, StatusCode, header};
use axum::middleware::Next;
use axum::response::Response;

use super::LIVE_PATH;

/// The address the server was bound to, which every request must name.
#[derive(Debug, Clone, Copy)]
pub(super) struct Guard {
    pub bind: IpAddr,
    pub port: u16,
}

impl Guard {
    /// Whether a `Host` header names this server: its port, and for a host the bound
    /// address, a `localhost` name on a loopback bind, or any address on an all-interfaces
    /// bind. A name an attacker controls (rebound to this machine) is never one of them.
    pub(super) fn allows_host(&self, host: &str) -> bool {
        let Ok(authority) = Authority::from_str(host) else {
            return false;
        };
        if authority.port_u16().unwrap_or(80) != self.port {
            return false;
        }
        let name = authority
            .host()
            .trim_start_matches('[')
            .trim_end_matches(']');
        match name.parse::<IpAddr>() {
            Ok(ip) => ip == self.bind || self.bind.is_unspecified() || self.loopback_alias(ip),
            Err(_) => self.local_name(name),
        }
    }

    /// Whether a WebSocket's `Origin` is the page the server sent: the same address as the
    /// `Host` it asked (already allowed). Clients that are not browsers send no `Origin`.
    pub(super) fn allows_origin(&self, origin: Option<&str>, host: &str) -> bool {
        let Some(origin) = origin else {
            return true;
        };
        let Some(authority) = origin
            .strip_prefix("http://")
            .or_else(|| origin.strip_prefix("https://"))
        else {
            return false;
        };
        authority.eq_ignore_ascii_case(host)
    }

    /// `localhost` (and its subdomains, which browsers resolve to loopback themselves) on a
    /// loopback or all-interfaces bind.
    fn local_name(&self, name: &str) -> bool {
        let name = name.trim_end_matches('.').to_ascii_lowercase();
        let localhost = name == "localhost" || name.ends_with(".localhost");
        localhost && (self.bind.is_loopback() || self.bind.is_unspecified())
    }

    /// 127.0.0.1 and ::1 name the same server when it is bound to either.
    fn loopback_alias(&self, ip: IpAddr) -> bool {
        self.bind.is_loopback() && ip.is_loopback()
    }

    /// What an all-interfaces bind exposes, for the terminal.
    pub(super) fn exposure(&self) -> Option<String> {
        (!self.bind.is_loopback()).then(|| {
            format!(
                "note: listening on {}: anyone who can reach this machine on port {} can read the \
                 site, drafts included; open it by this machine's IP address",
                self.bind, self.port
            )
        })
    }
}

/// The middleware: refuses a request whose `Host` (or, for the live-reload socket,
/// `Origin`) is not this server's.
pub(super) async fn check(State(guard): State<Guard>, request: Request, next: Next) -> Response {
    let headers = request.headers();
    let host = text(headers, header::HOST);
    let Some(host) = host.filter(|h| guard.allows_host(h)) else {
        return refuse("this preview server answers only requests for its own address");
    };
    let live = request.uri().path() == LIVE_PATH;
    if live && !guard.allows_origin(text(headers, header::ORIGIN), host) {
        return refuse("the live-reload socket answers only pages of this preview server");
    }
    next.run(request).await
}

fn text(headers: &HeaderMap, name: header::HeaderName) -> Option<&str> {
    headers.get(name).and_then(|v| v.to_str().ok())
}

fn refuse(why: &'static str) -> Response {
    super::plain(StatusCode::FORBIDDEN, why)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn guard(bind: &str) -> Guard {
        Guard {
            bind: bind.parse().unwrap(),
            port: 1111,
        }
    }

    #[test]
    fn a_loopback_server_answers_its_own_names_only() {
        let g = guard("127.0.0.1");
        for host in [
            "127.0.0.1:1111",
            "localhost:1111",
            "LOCALHOST:1111",
            "[::1]:1111",
            "a.localhost:1111",
        ] {
            assert!(g.allows_host(host), "{host}");
        }
        for host in [
            "evil.example:1111",
            "127.0.0.1:2222",
            "127.0.0.1",
            "10.0.0.2:1111",
            "",
            "localhost.evil.example:1111",
        ] {
            assert!(!g.allows_host(host), "{host}");
        }
    }

    #[test]
    fn an_all_interfaces_server_answers_addresses_not_names() {
        let g = guard("0.0.0.0");
        assert!(g.allows_host("192.168.1.20:1111"));
        assert!(g.allows_host("localhost:1111"));
        assert!(!g.allows_host("rebound.evil.example:1111"));
        assert!(g.exposure().is_some());
        assert!(guard("127.0.0.1").exposure().is_none());
    }

    #[test]
    fn sockets_are_opened_only_by_the_served_pages() {
        let g = guard("127.0.0.1");
        assert!(g.allows_origin(Some("http://127.0.0.1:1111"), "127.0.0.1:1111"));
        assert!(g.allows_origin(None, "127.0.0.1:1111"));
        assert!(!g.allows_origin(Some("http://evil.example"), "127.0.0.1:1111"));
        assert!(!g.allows_origin(Some("null"), "127.0.0.1:1111"));
        assert!(!g.allows_origin(Some("http://localhost:1111"), "127.0.0.1:1111"));
    }
}
