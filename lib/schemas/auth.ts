import { z } from "zod";
import { ZText } from "@/lib/schemas/common";

export const ZSignIn = z
  .object({
    email: z.email("Enter an email address").max(254).transform((s) => s.toLowerCase()),
    password: z.string().min(1, "Enter your password").max(1024),
    callbackUrl: ZText().max(2048).optional(),
  })
  .strict();
export type TSignIn = z.infer<typeof ZSignIn>;
