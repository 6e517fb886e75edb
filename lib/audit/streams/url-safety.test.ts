import { describe, expect, it } from "vitest";
import { resolveStreamTarget, staticUrlProblem } from "@/lib/audit/streams/url-safety";

const lookupTo =
  (...addresses: string[]) =>
  async () =>
    addresses.map((address) => ({ address, family: address.includes(":") ? 6 : 4 }));

describe("staticUrlProblem", () => {
  it("accepts a public https URL", () => {
    expect(staticUrlProblem("https://siem.example.com/hook?x=1", false)).toBeNull();
    expect(staticUrlProblem("https://8.8.8.8/hook", false)).toBeNull();
  });

  it("refuses http, other schemes and credentials", () => {
    expect(staticUrlProblem("http://siem.example.com/", false)).toBe("Use an https:// URL.");
    expect(staticUrlProblem("ftp://siem.example.com/", false)).toBe("Use an https:// URL.");
    expect(staticUrlProblem("https://user:pw@siem.example.com/", false)).toMatch(/user name and password/);
  });

  it("refuses loopback in every spelling the URL parser accepts (decimal, hex, octal, short, IPv6)", () => {
    for (const url of [
      "https://127.0.0.1/",
      "https://2130706433/",
      "https://0x7f000001/",
      "https://0x7f.0.0.1/",
      "https://0177.0.0.1/",
      "https://127.1/",
      "https://[::1]/",
      "https://[::ffff:127.0.0.1]/",
      "https://[::ffff:7f00:1]/",
      "https://localhost/",
      "https://api.localhost/",
    ])
      expect(staticUrlProblem(url, false), url).toMatch(/loopback|localhost/);
  });

  it("refuses the metadata service, private and CGNAT ranges written as literals", () => {
    expect(staticUrlProblem("https://169.254.169.254/latest/meta-data", false)).toMatch(/link-local/);
    expect(staticUrlProblem("https://2852039166/", false)).toMatch(/link-local/); // 169.254.169.254 as a number
    expect(staticUrlProblem("https://10.0.0.8/", false)).toMatch(/private-network/);
    expect(staticUrlProblem("https://[fd00::1]/", false)).toMatch(/private-network/);
    expect(staticUrlProblem("https://100.64.1.1/", false)).toMatch(/carrier-grade/);
    expect(staticUrlProblem("https://0.0.0.0/", false)).toMatch(/unspecified/);
  });

  it("allows http and local targets with AUDIT_STREAM_ALLOW_INSECURE, but never credentials", () => {
    expect(staticUrlProblem("http://127.0.0.1:4000/", true)).toBeNull();
    expect(staticUrlProblem("http://u:p@127.0.0.1/", true)).toMatch(/user name/);
    expect(staticUrlProblem("file:///etc/passwd", true)).toBe("Use an https:// URL.");
  });
});

describe("resolveStreamTarget", () => {
  it("returns the resolved public address to connect to", async () => {
    await expect(
      resolveStreamTarget("https://siem.example.com/x", false, lookupTo("93.184.216.34")),
    ).resolves.toMatchObject({
      address: "93.184.216.34",
      family: 4,
    });
  });

  it("refuses a host that resolves to an internal address, even when another answer is public", async () => {
    await expect(resolveStreamTarget("https://rebind.example.com/", false, lookupTo("127.0.0.1"))).rejects.toThrow(
      "The host rebind.example.com resolves to a loopback address; refused.",
    );
    await expect(
      resolveStreamTarget("https://mixed.example.com/", false, lookupTo("93.184.216.34", "10.0.0.1")),
    ).rejects.toThrow(/private-network address/);
    await expect(
      resolveStreamTarget("https://v6.example.com/", false, lookupTo("::ffff:169.254.169.254")),
    ).rejects.toThrow(/link-local/);
  });

  it("says so when the host does not resolve", async () => {
    const failing = async () => {
      throw Object.assign(new Error("getaddrinfo ENOTFOUND"), { code: "ENOTFOUND" });
    };
    await expect(resolveStreamTarget("https://nowhere.invalid/", false, failing)).rejects.toThrow(
      "The host nowhere.invalid could not be resolved.",
    );
  });

  it("with AUDIT_STREAM_ALLOW_INSECURE connects to local addresses", async () => {
    await expect(resolveStreamTarget("http://receiver.test/", true, lookupTo("127.0.0.1"))).resolves.toMatchObject({
      address: "127.0.0.1",
    });
  });
});

describe("AUDIT_STREAM_ALLOW_INSECURE never opens link-local, metadata or unspecified (security review F4)", () => {
  it("refuses them as literals", () => {
    for (const url of [
      "http://169.254.169.254/latest/meta-data",
      "http://[fe80::1]/",
      "http://[fd00:ec2::254]/",
      "http://0.0.0.0:8080/",
      "http://[::]/",
      "http://[::ffff:169.254.169.254]/",
    ])
      expect(staticUrlProblem(url, true), url).toMatch(/link-local|metadata|unspecified/);
    // What the setting is for stays allowed: http and private or loopback collectors.
    expect(staticUrlProblem("http://127.0.0.1:8088/", true)).toBeNull();
    expect(staticUrlProblem("http://10.0.0.5/", true)).toBeNull();
  });

  it("refuses a host resolving to them", async () => {
    await expect(resolveStreamTarget("http://meta.example/", true, lookupTo("169.254.169.254"))).rejects.toThrow(
      /link-local address; refused/,
    );
    await expect(
      resolveStreamTarget("http://meta.example/", true, lookupTo("10.0.0.1", "fd00:ec2::254")),
    ).rejects.toThrow(/cloud metadata address; refused/);
    await expect(resolveStreamTarget("http://ok.example/", true, lookupTo("10.0.0.1"))).resolves.toMatchObject({
      address: "10.0.0.1",
    });
  });
});

describe("postToStream: DNS resolution is inside the deadline (security review F5)", () => {
  it("gives up when the lookup hangs, within the timeout", async () => {
    const { postToStream } = await import("@/lib/audit/streams/post-to-stream");
    const started = performance.now();
    const result = await postToStream({
      url: "https://slow-dns.example/hook",
      body: "{}",
      headers: {},
      allowInsecure: false,
      timeoutMs: 200,
      lookupAll: () => new Promise(() => {}),
    });
    expect(result).toMatchObject({ ok: false, statusCode: null, error: "No answer within 200 ms." });
    expect(performance.now() - started).toBeLessThan(1000);
  });
});
