// Display names for roles, shared by menus and member lists.
export const ACCOUNT_ROLE_LABELS = { ADMIN: "Administrator", STAFF: "Legal staff", CLASS_MEMBER: "Class member" } as const;
export const MATTER_ROLE_LABELS = { ATTORNEY: "Attorney", PARALEGAL: "Paralegal" } as const;
