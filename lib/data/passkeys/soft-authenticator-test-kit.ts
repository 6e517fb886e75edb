// A software WebAuthn authenticator for tests: a real P-256 key pair (node:crypto), real CBOR
// (attestation "none"), real ECDSA signatures over authenticatorData ‖ SHA-256(clientDataJSON), so
// the server's verification runs exactly as it does for a browser. Knobs let a test answer for the
// wrong origin or RP id, without user verification, or with a counter that does not grow (a clone).
import { createHash, generateKeyPairSync, randomBytes, sign, type KeyObject } from "node:crypto";
import { encodeCBOR, type CBORType } from "@levischuck/tiny-cbor";
import type {
  AuthenticationResponseJSON,
  PublicKeyCredentialCreationOptionsJSON,
  PublicKeyCredentialRequestOptionsJSON,
  RegistrationResponseJSON,
} from "@simplewebauthn/server";

const b64url = (bytes: Uint8Array | Buffer) => Buffer.from(bytes).toString("base64url");
const sha256 = (data: Uint8Array | Buffer | string) => createHash("sha256").update(data).digest();

const FLAG_UP = 0x01;
const FLAG_UV = 0x04;
const FLAG_BE = 0x08;
const FLAG_BS = 0x10;
const FLAG_AT = 0x40;

export type Ceremony = {
  /** Origin the "browser" reports (default: the test APP_URL's). */
  origin?: string;
  /** RP id whose hash goes into authenticatorData (default: the options' RP id). */
  rpId?: string;
  /** User verified (PIN/biometric); default true. */
  userVerified?: boolean;
  /** Use this counter instead of the next one. */
  counter?: number;
};

export class SoftAuthenticator {
  readonly credentialId: Buffer = randomBytes(16);
  private readonly privateKey: KeyObject;
  private readonly publicJwk: { x: string; y: string };
  /** The authenticator's signature counter (0 keeps it at zero, as some synced passkeys do). */
  counter: number;
  private userHandle: string | null = null;
  private rpId: string | null = null;

  constructor(options: { counter?: number; synced?: boolean } = {}) {
    const { privateKey, publicKey } = generateKeyPairSync("ec", { namedCurve: "P-256" });
    this.privateKey = privateKey;
    const jwk = publicKey.export({ format: "jwk" }) as { x: string; y: string };
    this.publicJwk = jwk;
    this.counter = options.counter ?? 1;
    this.synced = options.synced ?? false;
  }

  readonly synced: boolean;

  get id(): string {
    return b64url(this.credentialId);
  }

  private coseKey(): Uint8Array {
    return encodeCBOR(
      new Map<number, number | Uint8Array>([
        [1, 2], // kty: EC2
        [3, -7], // alg: ES256
        [-1, 1], // crv: P-256
        [-2, Buffer.from(this.publicJwk.x, "base64url")],
        [-3, Buffer.from(this.publicJwk.y, "base64url")],
      ]),
    );
  }

  private authData(rpId: string, flags: number, counter: number, attested: boolean): Buffer {
    const count = Buffer.alloc(4);
    count.writeUInt32BE(counter);
    const parts = [sha256(rpId), Buffer.from([flags]), count];
    if (attested) {
      const len = Buffer.alloc(2);
      len.writeUInt16BE(this.credentialId.length);
      parts.push(Buffer.alloc(16), len, Buffer.from(this.credentialId), Buffer.from(this.coseKey()));
    }
    return Buffer.concat(parts);
  }

  private flags(uv: boolean, attested: boolean): number {
    return FLAG_UP | (uv ? FLAG_UV : 0) | (this.synced ? FLAG_BE | FLAG_BS : 0) | (attested ? FLAG_AT : 0);
  }

  /** Answers navigator.credentials.create() for these options. */
  register(options: PublicKeyCredentialCreationOptionsJSON, ceremony: Ceremony = {}): RegistrationResponseJSON {
    const rpId = ceremony.rpId ?? options.rp.id ?? "localhost";
    this.rpId = rpId;
    this.userHandle = options.user.id;
    const clientDataJSON = Buffer.from(
      JSON.stringify({
        type: "webauthn.create",
        challenge: options.challenge,
        origin: ceremony.origin ?? "http://localhost:3000",
        crossOrigin: false,
      }),
    );
    const authData = this.authData(rpId, this.flags(ceremony.userVerified ?? true, true), ceremony.counter ?? 0, true);
    const attestationObject = encodeCBOR(
      new Map<string, CBORType>([
        ["fmt", "none"],
        ["attStmt", new Map<string, CBORType>()],
        ["authData", new Uint8Array(authData)],
      ]),
    );
    return {
      id: this.id,
      rawId: this.id,
      type: "public-key",
      clientExtensionResults: {},
      authenticatorAttachment: "platform",
      response: {
        clientDataJSON: b64url(clientDataJSON),
        attestationObject: b64url(attestationObject),
        transports: ["internal"],
      },
    };
  }

  /** Answers navigator.credentials.get() for these options (the counter moves on by one). */
  assert(options: PublicKeyCredentialRequestOptionsJSON, ceremony: Ceremony = {}): AuthenticationResponseJSON {
    const rpId = ceremony.rpId ?? options.rpId ?? this.rpId ?? "localhost";
    const counter = ceremony.counter ?? (this.counter === 0 ? 0 : ++this.counter);
    const clientDataJSON = Buffer.from(
      JSON.stringify({
        type: "webauthn.get",
        challenge: options.challenge,
        origin: ceremony.origin ?? "http://localhost:3000",
        crossOrigin: false,
      }),
    );
    const authData = this.authData(rpId, this.flags(ceremony.userVerified ?? true, false), counter, false);
    const signature = sign("sha256", Buffer.concat([authData, sha256(clientDataJSON)]), this.privateKey);
    return {
      id: this.id,
      rawId: this.id,
      type: "public-key",
      clientExtensionResults: {},
      authenticatorAttachment: "platform",
      response: {
        clientDataJSON: b64url(clientDataJSON),
        authenticatorData: b64url(authData),
        signature: b64url(signature),
        ...(this.userHandle ? { userHandle: this.userHandle } : {}),
      },
    };
  }
}
