// The public forms' validation messages in the visitor's language. The schemas speak English (the
// same schema serves staff, the API and the form); this maps each message a public form can show
// to a catalogue key, with its parameters. A message with no key stays as it is.
type Translate = (key: string, values?: Record<string, string>) => string;

const FIELDS: Record<string, string> = {
  "full name": "fullName",
  "date of birth": "dateOfBirth",
  "street address": "streetAddress",
  city: "city",
  "ZIP code": "zip",
  "full name as your signature": "signature",
};

const RULES: [RegExp, (m: RegExpExecArray, t: Translate) => string | null][] = [
  [/^Enter your (.+)$/, (m, t) => (FIELDS[m[1]!] ? t("enterYour", { field: t(`fields.${FIELDS[m[1]!]}`) }) : null)],
  [/^.+ must be at most ([\d,]+) characters$/, (m, t) => t("tooLong", { max: m[1]! })],
  [/^Answer “.+”$/, (_m, t) => t("answerQuestion")],
  [/^Too many attempts\. Try again in (\d+) seconds?\.$/, (m, t) => t("tooMany", { seconds: m[1]! })],
  [/^ZIP code (\S+) is not in (\S+): check both$/, (m, t) => t("zipNotInState", { zip: m[1]!, state: m[2]! })],
];

const EXACT: Record<string, string> = {
  "Date of birth must be a past date after 1900": "dobRange",
  "Enter an email address, like name@example.com": "email",
  "Enter a phone number with digits only, like 415-555-0100": "phone",
  "Choose your state or territory": "state",
  "Enter a 5-digit ZIP code, like 60601": "zipFormat",
  "Say whether you file for yourself or for a minor": "filingFor",
  "Choose how you want to be paid": "payment",
  "Tick the box to swear the statement is true": "attest",
  "Enter the name of the parent or guardian filing": "guardian",
  "A claim filed for a minor needs a date of birth less than 18 years ago": "minorAge",
  "Type the parent or guardian's name exactly as entered above": "signatureGuardian",
  "Type your full name exactly as entered above": "signatureSelf",
  "Enter the confirmation code printed beside your notice ID": "confirmationCode",
  "This notice ID and confirmation code do not match a notice we sent. Check both, or leave them empty.": "noticeMismatch",
  "Use the format YYYY-MM-DD": "dateFormat",
  "Not a real date": "notRealDate",
  "Contains characters that cannot be stored (a null byte or a broken character): retype it": "unstorable",
  "Some fields need attention.": "someFields",
  "Based on your answers you may not qualify.": "mayNotQualify",
  "The claim deadline has passed.": "deadlinePassed",
  "Missing form key: reload the page and try again": "reload",
  "Enter the email address or mobile number of your account": "payRecipient",
  "Enter an email address like name@example.com or a US mobile number like 415-555-0100": "payRecipientInvalid",
  "Enter the 9-digit routing number printed on your checks": "payRouting",
  "This routing number is not valid: check the 9 digits": "payRoutingInvalid",
  "Enter your account number, 4 to 17 digits": "payAccount",
  "The two account numbers do not match": "payAccountConfirm",
  "Choose checking or savings": "payAccountType",
  "Payments for this settlement are being prepared, so payment details can no longer be changed. Contact the settlement administrator.": "payLocked",
  "This claim will not be paid, so it takes no payment details.": "payClosed",
  "Bank account details cannot be stored yet: the server has no PAYMENT_DETAILS_KEY. Choose another way to be paid, or try again later.": "payNoKey",
  "Your payment has already been paid, so its payment details can no longer be changed. Contact the settlement administrator if something is wrong.": "payPaid",
  "Your payment has already been sent with the details you gave, so they can no longer be changed. If it cannot be delivered, you can give new details here.": "paySent",
};

const SUBMIT_ANYWAY = " If you still believe you qualify, tick “Submit for review anyway”.";

// `reasons` maps a criterion's English reason to the visitor's language (from the claim form).
export function translateFormMessage(message: string, t: Translate, reasons: Record<string, string> = {}): string {
  if (message.endsWith(SUBMIT_ANYWAY)) {
    const reason = message.slice(0, -SUBMIT_ANYWAY.length);
    return `${reasons[reason] ?? reason} ${t("submitAnyway")}`;
  }
  const deadline = /^The deadline to file was (\d{4}-\d{2}-\d{2})\.$/.exec(message);
  if (deadline) return t("deadlineWas", { date: deadline[1]! });
  if (EXACT[message]) return t(EXACT[message]!);
  for (const [re, fn] of RULES) {
    const m = re.exec(message);
    if (m) return fn(m, t) ?? message;
  }
  return message;
}

export function translateFieldErrors(errors: Record<string, string[]>, t: Translate, reasons: Record<string, string> = {}): Record<string, string[]> {
  return Object.fromEntries(Object.entries(errors).map(([k, list]) => [k, list.map((m) => translateFormMessage(m, t, reasons))]));
}
