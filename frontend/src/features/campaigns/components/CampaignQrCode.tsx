import { useCampaignQr } from '../api/get-campaign-qr'

/** The campaign's QR code as the API draws it, with a link to save the printable SVG. */
export function CampaignQrCode({ campaignId, code, name }: { campaignId: string; code: string; name: string }) {
  const qr = useCampaignQr(campaignId)
  if (qr.isPending) return <p className="govuk-body" role="status">Loading the QR code…</p>
  if (qr.isError) return <p className="govuk-body">Sorry, the QR code cannot be shown right now. Try again later.</p>
  return (
    <>
      <img className="fh-qr-image" src={qr.data} alt={`QR code for ${name} (code ${code})`} width="200" height="200" />
      <p className="govuk-body">
        <a className="govuk-link" href={qr.data} download={`campaign-${code}.svg`}>
          Download QR code (SVG)
        </a>
      </p>
    </>
  )
}
