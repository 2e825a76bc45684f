//! The client's IP address: the TCP peer, or, behind a trusted reverse proxy,
//! the header the operator named (never a header the client could forge
//! unless the operator said the proxy sets it).

use axum::extract::ConnectInfo;
use axum::http::request::Parts;
use axum::http::HeaderMap;
use std::net::{IpAddr, SocketAddr};

pub fn client_ip(
    headers: &HeaderMap,
    peer: Option<SocketAddr>,
    trusted_header: Option<&str>,
) -> Option<IpAddr> {
    if let Some(name) = trusted_header {
        // X-Forwarded-For lists every hop; the last one was added by our proxy.
        return headers
            .get(name)
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.rsplit(',').next())
            .and_then(|v| v.trim().parse().ok());
    }
    peer.map(|p| p.ip())
}

pub fn from_parts(parts: &Parts, trusted_header: Option<&str>) -> Option<IpAddr> {
    let peer = parts
        .extensions
        .get::<ConnectInfo<SocketAddr>>()
        .map(|c| c.0);
    client_ip(&parts.headers, peer, trusted_header)
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::http::HeaderValue;

    #[test]
    fn the_peer_is_used_unless_a_proxy_header_is_trusted() {
        let mut h = HeaderMap::new();
        h.insert(
            "x-forwarded-for",
            HeaderValue::from_static("203.0.113.9, 198.51.100.2"),
        );
        let peer: SocketAddr = "10.0.0.1:5555".parse().unwrap();
        assert_eq!(
            client_ip(&h, Some(peer), None),
            Some("10.0.0.1".parse().unwrap())
        );
        assert_eq!(
            client_ip(&h, Some(peer), Some("x-forwarded-for")),
            Some("198.51.100.2".parse().unwrap())
        );
        assert_eq!(client_ip(&h, Some(peer), Some("x-real-ip")), None);
    }
}
