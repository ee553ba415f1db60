/** Does nothing: the baseline that `npm run bench` compares real workflow starts against. */
export async function noopWorkflow(): Promise<void> {
  return Promise.resolve();
}
