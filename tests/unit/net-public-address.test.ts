import { describe, expect, it } from "vitest";
import { ipLiteralOf, isPublicAddress, literalUrlProblem } from "@/lib/net/public-address";

describe("isPublicAddress", () => {
  it.each([
    // IPv4: public unicast passes
    ["8.8.8.8", true],
    ["1.1.1.1", true],
    ["93.184.215.14", true],
    ["172.15.255.255", true], // just below 172.16/12
    ["172.32.0.1", true], // just above it
    ["100.63.255.255", true], // just below CGNAT
    // IPv4: everything else is refused
    ["127.0.0.1", false],
    ["127.255.255.254", false],
    ["10.0.0.1", false],
    ["172.16.0.1", false],
    ["172.31.255.255", false],
    ["192.168.1.1", false],
    ["169.254.169.254", false], // cloud metadata
    ["169.254.0.1", false],
    ["100.64.0.1", false], // CGNAT
    ["100.127.255.255", false],
    ["0.0.0.0", false],
    ["0.1.2.3", false],
    ["224.0.0.1", false], // multicast
    ["239.255.255.250", false],
    ["255.255.255.255", false], // broadcast
    ["240.0.0.1", false], // reserved
    ["192.0.2.10", false], // documentation
    ["198.18.0.1", false], // benchmarking
    ["192.0.0.8", false], // IETF protocol assignments
    // IPv6: global unicast passes
    ["2606:4700:4700::1111", true],
    ["2a00:1450:4001:80b::200e", true],
    // IPv6: everything else is refused
    ["::1", false],
    ["::", false],
    ["fc00::1", false],
    ["fd12:3456:789a::1", false], // unique local
    ["fe80::1", false],
    ["fe80::1%eth0", false],
    ["ff02::1", false], // multicast
    ["2001:db8::1", false], // documentation
    ["::7f00:1", false], // IPv4-compatible ::127.0.0.1
    ["100::1", false], // discard
    // IPv4 inside IPv6 is judged by the IPv4 address
    ["::ffff:127.0.0.1", false],
    ["::ffff:7f00:1", false],
    ["::ffff:10.0.0.1", false],
    ["::ffff:169.254.169.254", false],
    ["::ffff:8.8.8.8", true],
    ["64:ff9b::7f00:1", false], // NAT64 of 127.0.0.1
    ["64:ff9b::a9fe:a9fe", false], // NAT64 of 169.254.169.254
    ["64:ff9b::808:808", true], // NAT64 of 8.8.8.8
    ["64:ff9b:1::7f00:1", false], // local-use NAT64: refused outright
    ["2002:7f00:1::1", false], // 6to4 of 127.0.0.1
    ["2002:c0a8:101::1", false], // 6to4 of 192.168.1.1
    ["2002:808:808::1", true], // 6to4 of 8.8.8.8
    ["::ffff:0:7f00:1", false], // RFC 6145 translated
    ["2001::1", false], // Teredo
    // Not canonical address text: never treated as an address
    ["0x7f.1", false],
    ["2130706433", false],
    ["0177.0.0.1", false],
    ["127.1", false],
    ["localhost", false],
    ["", false],
  ])("%s -> %s", (address, expected) => {
    expect(isPublicAddress(address)).toBe(expected);
  });
});

describe("URL hosts", () => {
  // WHATWG URL parsing turns the odd IPv4 spellings into dotted quads before any check.
  it.each([
    ["http://2130706433/", "127.0.0.1"],
    ["http://0177.0.0.1/", "127.0.0.1"],
    ["http://0x7f.1/", "127.0.0.1"],
    ["http://0x7f000001/", "127.0.0.1"],
    ["http://127.1/", "127.0.0.1"],
    ["http://017700000001/", "127.0.0.1"],
    ["http://0/", "0.0.0.0"],
    ["http://127.0.0.1./", "127.0.0.1"],
    ["http://[::1]/", "::1"],
    ["http://[::ffff:127.0.0.1]/", "::ffff:7f00:1"],
    ["http://[0:0:0:0:0:ffff:7f00:1]/", "::ffff:7f00:1"],
    ["http://example.com/", null],
    ["http://localhost/", null],
  ])("%s spells %s", (url, literal) => {
    expect(ipLiteralOf(new URL(url).hostname)).toBe(literal);
  });

  it.each([
    "http://127.0.0.1:8080/x.png",
    "http://2130706433/x.png",
    "http://0177.0.0.1/x.png",
    "http://0x7f.1/x.png",
    "http://[::1]/x.png",
    "http://[::ffff:127.0.0.1]/x.png",
    "http://[::ffff:7f00:1]/x.png",
    "http://169.254.169.254/latest/meta-data/",
    "http://[fd00::1]/x.png",
    "http://10.1.2.3/x.png",
    "https://0.0.0.0/x.png",
  ])("refuses %s without a lookup", (url) => {
    expect(literalUrlProblem(url)).toMatch(/public address/);
  });

  it.each([
    ["ftp://8.8.8.8/x.png", /http\(s\)/],
    ["file:///etc/passwd", /http\(s\)/],
    ["http://user:pass@8.8.8.8/x.png", /credentials/],
    ["not a url", /valid URL/],
  ])("refuses %s", (url, message) => {
    expect(literalUrlProblem(url)).toMatch(message);
  });

  it.each([
    "https://8.8.8.8/x.png",
    "https://[2606:4700:4700::1111]/x.png",
    "https://images.example.com/x.png",
    "http://localhost/x.png", // a name: left to the resolving check at fetch time
  ])("leaves %s to the fetch", (url) => {
    expect(literalUrlProblem(url)).toBeNull();
  });
});
