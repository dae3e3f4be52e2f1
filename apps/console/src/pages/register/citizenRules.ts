import type { Rule } from 'antd/es/form';
import { isValidIranianMobile, isValidNationalCode } from '../../domain';
import type { Messages } from '../../i18n';

/** One rule for every citizen on the form, the caller and each signatory alike (the API's own checks). */
export const citizenRules = (t: Messages): Record<'nationalCode' | 'mobile' | 'fullName', Rule[]> => ({
  nationalCode: [
    { required: true, message: t.required },
    {
      validator: (_, value: string) =>
        !value || isValidNationalCode(value)
          ? Promise.resolve()
          : Promise.reject(new Error(t.nationalCodeCheck)),
    },
  ],
  mobile: [
    { required: true, message: t.required },
    {
      validator: (_, value: string) =>
        !value || isValidIranianMobile(value)
          ? Promise.resolve()
          : Promise.reject(new Error(t.mobileInvalid)),
    },
  ],
  fullName: [{ required: true, message: t.required }],
});
