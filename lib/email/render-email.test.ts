import { describe, expect, it } from "vitest";
import { renderEmail } from "@/lib/email/render-email";
import { lockoutEmail, verificationEmail } from "@/lib/email/messages";

describe("renderEmail", () => {
  const url = "http://localhost:3000/verify-email?token=abc_DEF-123&x=1";

  it("puts the link in both the HTML and the text body", () => {
    const mail = renderEmail({
      subject: "Confirm",
      heading: "Confirm your email",
      paragraphs: ["Hi"],
      action: { label: "Confirm email address", url },
    });
    expect(mail.subject).toBe("Confirm");
    expect(mail.text).toContain(url);
    expect(mail.text).toContain(`Confirm email address: ${url}`);
    const escapedUrl = url.replace(/&/g, "&amp;");
    expect(mail.html).toContain(`href="${escapedUrl}"`);
    // Once as the button, once as the copy-paste fallback.
    expect(mail.html.split(escapedUrl).length - 1).toBe(2);
  });

  it("escapes HTML in every value", () => {
    const evil = `<script>alert("x")</script>&'`;
    const mail = renderEmail({
      subject: "s",
      heading: `Heading ${evil}`,
      paragraphs: [`Hi ${evil}`],
      action: { label: `Go ${evil}`, url: `http://localhost:3000/x?a="><img src=x onerror=alert(1)>` },
      note: `Note ${evil}`,
    });
    expect(mail.html).not.toContain("<script>");
    expect(mail.html).not.toContain("<img");
    expect(mail.html).toContain(`href="http://localhost:3000/x?a=&quot;&gt;&lt;img src=x onerror=alert(1)&gt;"`);
    expect(mail.html).toContain("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&amp;&#39;");
    expect(mail.html.match(/&lt;script&gt;/g)?.length).toBe(4);
    // The text body is plain text: nothing to escape there.
    expect(mail.text).toContain(`Hi ${evil}`);
  });

  it("leaves out the button when there is no action", () => {
    const mail = renderEmail({ subject: "s", heading: "h", paragraphs: ["p1", "p2"] });
    expect(mail.html).not.toContain("<a ");
    expect(mail.text).toContain("p1");
    expect(mail.text).toContain("p2");
  });

  it("renders the verification email with the first name escaped and the link", () => {
    const mail = renderEmail(verificationEmail("<b>Ada</b>", url));
    expect(mail.html).toContain("Hi &lt;b&gt;Ada&lt;/b&gt;,");
    expect(mail.html).not.toContain("<b>Ada</b>");
    expect(mail.text).toContain(url);
    expect(mail.subject).toMatch(/^Confirm your email for /);
  });

  it("renders the lockout email with the minutes and the IP", () => {
    const mail = renderEmail(lockoutEmail("Ada", 1, "203.0.113.7"));
    expect(mail.text).toContain("paused for 1 minute,");
    expect(mail.text).toContain("203.0.113.7");
    expect(mail.html).toContain("203.0.113.7");
  });
});
