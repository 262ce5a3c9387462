import { fireEvent, render, screen } from '@testing-library/react'
import { StrictMode, useState } from 'react'
import { MemoryRouter } from 'react-router'
import { beforeAll, describe, expect, it, vi } from 'vitest'
import { Button } from './Button'
import { ErrorSummary } from './ErrorSummary'
import { Input } from './Input'
import { Radios } from './Radios'
import { Table } from './Table'

const created = vi.hoisted(() => ({ count: 0 }))
vi.mock('govuk-frontend', async (importOriginal) => {
  const actual = await importOriginal<typeof import('govuk-frontend')>()
  return {
    ...actual,
    createAll: (...args: Parameters<typeof actual.createAll>) => {
      created.count += 1
      return actual.createAll(...args)
    },
  }
})

beforeAll(() => {
  document.body.classList.add('govuk-frontend-supported')
})

describe('useGovukFrontend', () => {
  it('initialises once per mounted subtree, however often React renders it', () => {
    created.count = 0
    const errors = vi.spyOn(console, 'error')
    const { rerender } = render(<Button>Save</Button>)
    for (let i = 0; i < 5; i++) rerender(<Button>Save {i}</Button>)
    const button = screen.getByRole('button')
    expect(button).toHaveProperty('dataset.govukButtonInit', '')
    expect(created.count).toBe(1)
    expect(errors).not.toHaveBeenCalled()
  })

  it('survives StrictMode’s second mount of the same DOM without a second initialisation', () => {
    const errors = vi.spyOn(console, 'error')
    const logs = vi.spyOn(console, 'log')
    render(
      <StrictMode>
        <Button>Save</Button>
      </StrictMode>,
    )
    expect(screen.getByRole('button').hasAttribute('data-govuk-button-init')).toBe(true)
    expect(errors).not.toHaveBeenCalled()
    expect(logs).not.toHaveBeenCalled()
  })
})

describe('GOV.UK markup', () => {
  it('error summary: an alert that links to each field and takes focus', () => {
    render(<ErrorSummary errors={[{ href: 'email', text: 'Enter your email address' }, { text: 'Try again later' }]} />)
    const summary = document.querySelector('.govuk-error-summary')
    expect(summary?.getAttribute('data-module')).toBe('govuk-error-summary')
    expect(screen.getByRole('alert')).toHaveProperty('textContent', expect.stringContaining('There is a problem'))
    expect(screen.getByRole('link', { name: 'Enter your email address' }).getAttribute('href')).toBe('#email')
    expect(document.activeElement).toBe(summary)
  })

  it('error summary: an error on another page links there through the router', () => {
    render(
      <MemoryRouter>
        <ErrorSummary errors={[{ to: '/enquire/contact?change=1', text: 'Enter an email address in the correct format' }]} />
      </MemoryRouter>,
    )
    expect(screen.getByRole('link', { name: 'Enter an email address in the correct format' }).getAttribute('href')).toBe('/enquire/contact?change=1')
  })

  it('input: a prefix hidden from screen readers, outside the input', () => {
    render(<Input id="cost" label="Cost in pounds" prefix="£" width="5" value="" onChange={() => {}} />)
    const prefix = document.querySelector('.govuk-input__wrapper .govuk-input__prefix')
    expect(prefix?.textContent).toBe('£')
    expect(prefix?.getAttribute('aria-hidden')).toBe('true')
    expect(screen.getByLabelText('Cost in pounds').className).toBe('govuk-input govuk-input--width-5')
  })

  it('input: label, hint and error message described by, in that order', () => {
    render(<Input id="email" label="Email" hint="We will not share it" error="Enter your email" value="" onChange={() => {}} />)
    const input = screen.getByLabelText('Email')
    expect(input.className).toBe('govuk-input govuk-input--error')
    expect(input.getAttribute('aria-describedby')).toBe('email-hint email-error')
    expect(document.querySelector('.govuk-form-group')?.className).toContain('govuk-form-group--error')
    expect(document.getElementById('email-error')?.textContent).toBe('Error: Enter your email')
  })

  it('radios: ids GOV.UK-style, and React reveals the conditional content', () => {
    function Form() {
      const [value, setValue] = useState<'a' | 'b' | ''>('')
      return (
        <Radios
          id="choice"
          legend="Pick one"
          value={value}
          onChange={setValue}
          choices={[
            { value: 'a', label: 'A' },
            { value: 'b', label: 'B', conditional: <p>More about B</p> },
          ]}
        />
      )
    }
    render(<Form />)
    expect(screen.getByLabelText('A').id).toBe('choice')
    expect(screen.getByLabelText('B').id).toBe('choice-2')
    const conditional = document.getElementById('conditional-choice-2')
    expect(conditional?.className).toContain('govuk-radios__conditional--hidden')
    fireEvent.click(screen.getByLabelText('B'))
    expect(conditional?.className).not.toContain('--hidden')
    expect(screen.getByLabelText('B').hasAttribute('aria-expanded')).toBe(false)
  })

  it('table: a caption and column headers with scope', () => {
    render(
      <MemoryRouter>
        <Table caption="People" columns={[{ header: 'Name', cell: (r: { n: string }) => r.n }]} rows={[{ n: 'Ann' }]} rowKey={(r) => r.n} firstCellIsHeader />
      </MemoryRouter>,
    )
    expect(screen.getByRole('table', { name: 'People' })).toBeTruthy()
    expect(screen.getByRole('columnheader', { name: 'Name' }).getAttribute('scope')).toBe('col')
    expect(screen.getByRole('rowheader', { name: 'Ann' }).getAttribute('scope')).toBe('row')
  })
})
