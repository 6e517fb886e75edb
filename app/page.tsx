import { redirect } from "next/navigation";
import { getViewer } from "@/lib/auth/viewer";

export default async function Home() {
  redirect((await getViewer()) ? "/dashboard" : "/sign-in");
}
