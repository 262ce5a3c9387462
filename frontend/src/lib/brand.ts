import { useEffect } from 'react'

/**
 * A council's brand colour on the header. Set through the CSSOM (style.setProperty), which the
 * CSP's `style-src 'self'` allows, unlike a style attribute in markup. The text colour is
 * whichever of white or black contrasts more, so any brand colour keeps WCAG AA contrast.
 */

export const DEFAULT_BRAND_COLOUR = '#00625e'
const HEX = /^#([0-9a-f]{6})$/i

function channel(value: number): number {
  const c = value / 255
  return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4
}

export function luminance(hex: string): number {
  const n = Number.parseInt(hex.slice(1), 16)
  return 0.2126 * channel((n >> 16) & 255) + 0.7152 * channel((n >> 8) & 255) + 0.0722 * channel(n & 255)
}

export function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number]
  return (hi + 0.05) / (lo + 0.05)
}

export function textColourOn(background: string): '#ffffff' | '#000000' {
  return contrast(background, '#ffffff') >= contrast(background, '#000000') ? '#ffffff' : '#000000'
}

export function applyBrand(colour: string | null | undefined, root: HTMLElement = document.documentElement): void {
  const brand = colour && HEX.test(colour) ? colour.toLowerCase() : DEFAULT_BRAND_COLOUR
  root.style.setProperty('--fh-brand-colour', brand)
  root.style.setProperty('--fh-brand-text-colour', textColourOn(brand))
  // GOV.UK Frontend's own brand uses (the footer's top border, the current page's underline).
  root.style.setProperty('--govuk-brand-colour', brand)
  document.querySelector('meta[name="theme-color"]')?.setAttribute('content', brand)
}

/** Shows a council's colour while the calling component is mounted with it. */
export function useBrand(colour: string | null | undefined): void {
  useEffect(() => {
    applyBrand(colour)
  }, [colour])
}
