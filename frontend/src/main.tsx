import './styles/app.scss'
import { createRoot } from 'react-dom/client'
import { App } from './app/App'

const root = document.getElementById('root')
if (!root) throw new Error('index.html has no #root element')
// GOV.UK Frontend's CSS shows JavaScript-only parts once this class is on <body>.
document.body.classList.add('js-enabled', 'govuk-frontend-supported')
createRoot(root).render(<App />)
