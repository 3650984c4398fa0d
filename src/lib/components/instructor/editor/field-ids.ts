/** The element id of a form field (`options.2.text` is `q-options-2-text`): error summary links go there. */
export const fieldId = (field: string) => `q-${field.replaceAll('.', '-')}`;

/** The id of the element that holds a field's problems, for `aria-describedby`. */
export const problemsId = (field: string) => `${fieldId(field)}-problems`;
