// "1 credit", "2 credits", "1,000 credits": a count with its noun in the right number.
export function plural(count: number, singular: string, pluralForm = `${singular}s`): string {
  return `${count.toLocaleString("en-US")} ${count === 1 ? singular : pluralForm}`;
}
