import { describe, expect, it } from 'vitest'
import { filenameFrom } from './api/csv'
import { channelLabel, humanise, isRegionalSplitBy, isSplitBy, splitCaption, splitLabel, stageLabel } from './labels'

describe('labels', () => {
  it('names stages, channels and split groups', () => {
    expect(stageLabel('initial_visit')).toBe('Initial visit')
    expect(stageLabel('something_new')).toBe('Something new')
    expect(channelLabel('radio_tv')).toBe('Radio or TV')
    expect(splitLabel('campaign', '4fde', 'Autumn social media campaign')).toBe('Autumn social media campaign')
    expect(splitLabel('campaign', 'none', null)).toBe('No campaign code')
    expect(splitLabel('referral', 'not_referred', null)).toBe('Not referred')
    expect(splitLabel('channel', 'word_of_mouth', null)).toBe('Word of mouth')
    expect(splitLabel('event', 'e1', 'Fostering evening', '2026-03-26')).toBe('Fostering evening (26 March 2026)')
    expect(splitLabel('event', 'e2', null, null)).toBe('Unnamed event (e2)')
    expect(humanise('')).toBe('')
  })

  it('knows which splits each dashboard takes: a region only what names nobody', () => {
    expect(isSplitBy('campaign')).toBe(true)
    expect(isSplitBy('nonsense')).toBe(false)
    expect(isSplitBy(null)).toBe(false)
    expect(isRegionalSplitBy('channel')).toBe(true)
    expect(isRegionalSplitBy('referral')).toBe(true)
    expect(isRegionalSplitBy('campaign')).toBe(false)
    expect(isRegionalSplitBy('event')).toBe(false)
    expect(splitCaption('channel')).toBe('split by channel')
    expect(splitCaption('referral')).toBe('split by whether they were referred')
    expect(splitLabel('referral', 'referred', null)).toBe('Referred')
  })

  it('takes the CSV file name from Content-Disposition, as a plain name', () => {
    expect(filenameFrom('attachment; filename="funnel-liverpool-2025-11-24-2026-11-23.csv"', 'x.csv')).toBe(
      'funnel-liverpool-2025-11-24-2026-11-23.csv',
    )
    expect(filenameFrom(null, 'funnel.csv')).toBe('funnel.csv')
    expect(filenameFrom('attachment; filename="../../etc/passwd"', 'x.csv')).toBe('..-..-etc-passwd')
  })
})
