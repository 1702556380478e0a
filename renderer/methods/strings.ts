/**
 * Every method module's texts, gathered under the `method` key of the app's resources
 * (`t('method.sms.addTitle')`). Each module keeps its English and zh-TW texts in its own
 * folder (`<type>/strings.ts`), so adding a method adds its translations beside its code.
 * The zh-TW object must have exactly the keys of the English one (typed, and unit-tested).
 */
export const methodStringsEn = {
  common: {},
};

type DeepStrings<T> = { [K in keyof T]: T[K] extends string ? string : DeepStrings<T[K]> };
export type MethodMessages = DeepStrings<typeof methodStringsEn>;

export const methodStringsZhTW: MethodMessages = {
  common: {},
};
