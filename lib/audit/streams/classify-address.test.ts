import { describe, expect, it } from "vitest";
import { classifyAddress } from "@/lib/audit/streams/classify-address";

describe("classifyAddress", () => {
  it.each([
    ["8.8.8.8", "public"],
    ["1.1.1.1", "public"],
    ["172.32.0.1", "public"],
    ["100.128.0.1", "public"],
    ["127.0.0.1", "loopback"],
    ["127.255.255.254", "loopback"],
    ["10.0.0.1", "private"],
    ["172.16.0.1", "private"],
    ["172.31.255.255", "private"],
    ["192.168.1.1", "private"],
    ["169.254.169.254", "link_local"],
    ["100.64.0.1", "cgnat"],
    ["100.127.255.255", "cgnat"],
    ["224.0.0.1", "multicast"],
    ["239.255.255.250", "multicast"],
    ["0.0.0.0", "unspecified"],
    ["255.255.255.255", "reserved"],
    ["192.0.2.10", "reserved"],
  ])("IPv4 %s is %s", (address, kind) => {
    expect(classifyAddress(address)).toBe(kind);
  });

  it.each([
    ["2606:4700:4700::1111", "public"],
    ["2a00:1450:4001:82a::200e", "public"],
    ["::1", "loopback"],
    ["[::1]", "loopback"],
    ["0:0:0:0:0:0:0:1", "loopback"],
    ["::", "unspecified"],
    ["fc00::1", "private"],
    ["fd12:3456:789a::1", "private"],
    ["fe80::1", "link_local"],
    ["fe80::1%eth0", "link_local"],
    ["ff02::1", "multicast"],
    ["2001:db8::1", "reserved"],
    // IPv4 inside IPv6 is judged by the IPv4 address.
    ["::ffff:127.0.0.1", "loopback"],
    ["::ffff:7f00:1", "loopback"],
    ["::ffff:169.254.169.254", "link_local"],
    ["::ffff:a9fe:a9fe", "link_local"],
    ["::ffff:10.1.2.3", "private"],
    ["::ffff:8.8.8.8", "public"],
    ["64:ff9b::192.168.0.1", "private"],
    ["64:ff9b::808:808", "public"],
    ["2002:7f00:1::", "loopback"],
    ["::127.0.0.1", "reserved"],
  ])("IPv6 %s is %s", (address, kind) => {
    expect(classifyAddress(address)).toBe(kind);
  });

  it("does not read host names or malformed addresses as addresses", () => {
    for (const input of [
      "localhost",
      "example.com",
      "1.2.3",
      "256.1.1.1",
      "::ffff:1.2.3.999",
      "1::2::3",
      "",
      "0x7f000001",
    ])
      expect(classifyAddress(input)).toBe("invalid");
  });
});

describe("classifyAddress: security review F4", () => {
  it.each([
    ["::ffff:0:7f00:1", "loopback"], // IPv4-translated (SIIT) 127.0.0.1
    ["::ffff:0:169.254.169.254", "link_local"],
    ["::ffff:0:808:808", "public"],
    ["64:ff9b:1::a9fe:a9fe", "link_local"], // local-use NAT64 of 169.254.169.254
    ["64:ff9b:1::a00:1", "private"],
    ["64:ff9b:1::808:808", "public"],
    ["2001::1", "reserved"], // Teredo
    ["2001:0:4136:e378:8000:63bf:3fff:fdd2", "reserved"],
    ["192.88.99.1", "reserved"], // 6to4 relay anycast
    ["fd00:ec2::254", "metadata"], // AWS IPv6 metadata
    ["2001:4860:4860::8888", "public"], // 2001:4860 is not Teredo
  ])("%s is %s", (address, kind) => {
    expect(classifyAddress(address)).toBe(kind);
  });
});
