import { redirect } from "next/navigation";
import { getActor } from "@/lib/server/auth/get-actor";

// The front door sends each kind of user to the one place they work.
export default async function Home() {
  const actor = await getActor();
  if (!actor) redirect("/sign-in");
  redirect(actor.role === "CLASS_MEMBER" ? "/claims" : "/matters");
}
