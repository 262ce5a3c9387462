import { describe, expect, it } from 'vitest'
import { applyBrand, contrast, DEFAULT_BRAND_COLOUR, textColourOn } from './brand'

describe('the council brand colour', () => {
  it('picks the text colour with the better contrast, which always meets WCAG AA', () => {
    for (const colour of ['#8a1538', '#00594f', '#ffdd00', '#1d70b8', '#ffffff', '#000000', '#777777']) {
      const text = textColourOn(colour)
      expect(contrast(colour, text)).toBeGreaterThanOrEqual(4.5)
    }
    expect(textColourOn('#8a1538')).toBe('#ffffff')
    expect(textColourOn('#ffdd00')).toBe('#000000')
  })

  it('sets custom properties through the CSSOM, and refuses anything but a hex colour', () => {
    const root = document.createElement('div')
    applyBrand('#8A1538', root)
    expect(root.style.getPropertyValue('--fh-brand-colour')).toBe('#8a1538')
    expect(root.style.getPropertyValue('--fh-brand-text-colour')).toBe('#ffffff')
    applyBrand('red; background: url(https://evil.example)', root)
    expect(root.style.getPropertyValue('--fh-brand-colour')).toBe(DEFAULT_BRAND_COLOUR)
  })
})
