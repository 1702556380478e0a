/**
 * "Change my password" and the live password feedback (checklist, strength hint, the
 * common-password check as you type), under `change.*` and `feedback.*`. English here; zh-TW in
 * ./strings.zh-tw.ts with exactly these keys (typed, and unit-tested), loaded only when needed.
 */

export const changeEn = {
  title: 'Change my password',
  intro: 'You know your current password and want a new one. Your current password proves it is you.',
  oldPassword: 'Current password',
  missingUserId: 'Enter your user ID.',
  missingOldPassword: 'Enter your current password.',
  wrongOldPassword: 'The user ID or current password is incorrect. Check both and try again.',
  submit: 'Change password',
  doneTitle: 'Your password was changed.',
  doneBody: 'Sign in with your new password.',
  doneEverywhere: 'From now on, use the new password for {{userId}} everywhere you sign in: your computer, email and your organization’s apps. A device that still remembers the old one will ask you for the new one.',
  signIn: 'Sign in',
};

export const feedbackEn = {
  strengthLabel: 'Strength',
  strengthLine: 'Strength: {{level}}.',
  strengthLoading: 'Checking strength…',
  strengthEmpty: 'Type a password to see how hard it would be to guess.',
  strengthNote: 'A hint only: the rules above decide.',
  score0: 'very weak',
  score1: 'weak',
  score2: 'fair',
  score3: 'strong',
  score4: 'very strong',
  notCommon: 'Not be a common password',
};
