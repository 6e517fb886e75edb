import { describe, expect, it } from "vitest";
import { paragraphsOf, plainEmail, renderApiTemplate } from "@/lib/email/api-templates";
import { renderEmail } from "@/lib/email/render-email";
import { customerEmailRequest, sendApiEmailSchema } from "@/lib/validations/email";

describe("email API templates", () => {
  it("splits text into paragraphs on blank lines and joins wrapped lines", () => {
    expect(paragraphsOf("One\nline.\n\n  Two.  \r\n\r\nThree")).toEqual(["One line.", "Two.", "Three"]);
  });

  it("escapes variables into the layout", () => {
    const html = renderEmail(renderApiTemplate("general_notice", { customerName: "<img src=x>", message: "a & b" })).html;
    expect(html).toContain("Hello &lt;img src=x&gt;");
    expect(html).toContain("a &amp; b");
    expect(html).not.toContain("<img");
  });

  it("lets a subject replace the template's own", () => {
    expect(renderApiTemplate("thank_you", { customerName: "Ada" }, "Thanks!").subject).toBe("Thanks!");
    expect(plainEmail("Hi", "x").heading).toBe("Hi");
  });

  it("turns the dialog's values into a valid API request", () => {
    const plain = customerEmailRequest({ customerId: "c1", template: "", subject: "Hi", message: "Body", variables: {} });
    expect(sendApiEmailSchema.safeParse(plain).success).toBe(true);
    const templated = customerEmailRequest({
      customerId: "c1",
      template: "receipt_follow_up",
      subject: " ",
      message: "ignored",
      variables: { receiptNumber: " R-1 ", stray: "x" },
    });
    expect(templated).toEqual({ customerId: "c1", template: "receipt_follow_up", variables: { receiptNumber: "R-1" } });
    expect(sendApiEmailSchema.safeParse(templated).success).toBe(true);
  });
});
