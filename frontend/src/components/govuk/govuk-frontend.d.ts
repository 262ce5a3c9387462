// govuk-frontend ships JavaScript without type declarations; these cover what we use.
declare module 'govuk-frontend' {
  export interface GovukComponentClass {
    new (root: Element, config?: object): object
    readonly moduleName: string
  }

  export interface CreateAllOptions {
    scope?: Element | Document | null
    onError?: (error: unknown, context: { element?: Element; component?: GovukComponentClass }) => void
  }

  export function createAll(
    component: GovukComponentClass,
    config?: object,
    scopeOrOptions?: Element | Document | CreateAllOptions,
  ): object[]

  export const Button: GovukComponentClass
  export const Checkboxes: GovukComponentClass
  export const ErrorSummary: GovukComponentClass
  export const NotificationBanner: GovukComponentClass
  export const PasswordInput: GovukComponentClass
  export const Radios: GovukComponentClass
  export const ServiceNavigation: GovukComponentClass
  export const SkipLink: GovukComponentClass
}
