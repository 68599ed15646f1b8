// The demo sign-ins, shared by the seed and by `npm start`, which prints them.
export const DEMO_PASSWORD = "proofline-demo";

export const DEMO_USERS = [
  { key: "admin", email: "admin@proofline.test", name: "Avery Admin", role: "ADMIN" },
  { key: "attorney", email: "attorney@proofline.test", name: "Alex Attorney", role: "STAFF" },
  { key: "paralegal", email: "paralegal@proofline.test", name: "Pat Paralegal", role: "STAFF" },
  { key: "outsider", email: "outsider@proofline.test", name: "Olivia Outsider", role: "STAFF" },
  { key: "member1", email: "member1@proofline.test", name: "Casey Member", role: "CLASS_MEMBER" },
  { key: "member2", email: "member2@proofline.test", name: "Jordan Member", role: "CLASS_MEMBER" },
] as const;
