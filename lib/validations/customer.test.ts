import { describe, expect, it } from "vitest";
import {
  createCustomerSchema,
  customerFormSchema,
  customerImportRowSchema,
  splitTags,
  updateCustomerSchema,
} from "@/lib/validations/customer";

describe("customer schemas", () => {
  it("normalise names, emails, tags and empty optional fields", () => {
    expect(
      createCustomerSchema.parse({
        name: " Ada  Lovelace ",
        email: " Ada@Example.COM",
        phone: " ",
        tags: [" VIP", "vip", "b"],
      }),
    ).toEqual({ name: "Ada Lovelace", email: "ada@example.com", phone: null, tags: ["b", "vip"] });
    expect(updateCustomerSchema.parse({})).toEqual({});
    expect(updateCustomerSchema.parse({ email: null, notes: "" })).toEqual({ email: null, notes: null });
  });

  it("refuse what does not fit, per field", () => {
    const result = createCustomerSchema.safeParse({
      name: "",
      email: "nope",
      phone: "<script>",
      tags: ["ok", "=cmd"],
      address: "a\u0000b",
      extra: 1,
    });
    expect(result.success).toBe(false);
    const fields = new Set(result.error!.issues.map((i) => String(i.path[0] ?? "_")));
    expect([...fields].sort()).toEqual(["_", "address", "email", "name", "phone", "tags"]);
    expect(
      createCustomerSchema.safeParse({ name: "A", tags: Array.from({ length: 21 }, (_, i) => `t${i}`) }).success,
    ).toBe(false);
    expect(createCustomerSchema.safeParse({ name: "A", notes: "x".repeat(2001) }).success).toBe(false);
    expect(createCustomerSchema.safeParse({ name: "A", phone: "1\n2" }).success).toBe(false);
  });

  it("read the form's strings and the import's cells the same way", () => {
    expect(
      customerFormSchema.parse({ name: "A", email: "", phone: "", address: "", notes: "", tags: "Vip, b;,vip" }),
    ).toEqual({
      name: "A",
      email: null,
      phone: null,
      address: null,
      notes: null,
      tags: ["b", "vip"],
    });
    expect(customerImportRowSchema.parse({ name: "A", tags: "x; Y" })).toMatchObject({ name: "A", tags: ["x", "y"] });
    expect(splitTags(" a , ,b;c ")).toEqual(["a", "b", "c"]);
  });
});
