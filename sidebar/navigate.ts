/** Switch the sidebar to another section from inside a view ("Open Settings" buttons). */
export const GO_TO_SECTION = 'prospect-enrich:go-to-section';

export function goToSection(section: string): void {
  document.dispatchEvent(new CustomEvent(GO_TO_SECTION, { detail: section }));
}
