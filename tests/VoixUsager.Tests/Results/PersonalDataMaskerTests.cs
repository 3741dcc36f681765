using VoixUsager.Results;

namespace VoixUsager.Tests.Results;

[Trait("Category", "Logic")]
public class PersonalDataMaskerTests
{
    [Theory]
    [InlineData("Rappelez-moi au 0612345678 svp", "Rappelez-moi au [téléphone masqué] svp")]
    [InlineData("Mon numéro : 06 12 34 56 78.", "Mon numéro : [téléphone masqué].")]
    [InlineData("Tél. 06.12.34.56.78, merci de me rappeler", "Tél. [téléphone masqué], merci de me rappeler")]
    [InlineData("Joignable au 06-12-34-56-78 après 18h", "Joignable au [téléphone masqué] après 18h")]
    [InlineData("Mon fixe : 04 75 79 28 00 (Valence)", "Mon fixe : [téléphone masqué] (Valence)")]
    [InlineData("J'habite à l'étranger, appelez le +33 6 12 34 56 78 svp", "J'habite à l'étranger, appelez le [téléphone masqué] svp")]
    [InlineData("Numéro : +33 (0)6 12 34 56 78", "Numéro : [téléphone masqué]")]
    [InlineData("Numéro : +33(0)612345678", "Numéro : [téléphone masqué]")]
    [InlineData("Contact 0033612345678 merci", "Contact [téléphone masqué] merci")]
    [InlineData("Contact 0033 6 12 34 56 78 merci", "Contact [téléphone masqué] merci")]
    [InlineData("Portable +33612345678", "Portable [téléphone masqué]")]
    [InlineData("On m'a dit d'écrire +33 06 12 34 56 78 dans le formulaire", "On m'a dit d'écrire [téléphone masqué] dans le formulaire")]
    [InlineData("À La Réunion : +262 692 12 34 56", "À La Réunion : [téléphone masqué]")]
    [InlineData("En Guadeloupe : +590 690 12 34 56.", "En Guadeloupe : [téléphone masqué].")]
    [InlineData("Cayenne +594 694 12 34 56", "Cayenne [téléphone masqué]")]
    [InlineData("Fort-de-France +596 (0)696 12 34 56", "Fort-de-France [téléphone masqué]")]
    [InlineData("Saint-Denis 00262 262 12 34 56", "Saint-Denis [téléphone masqué]")]
    [InlineData("Mon portable réunionnais : 0692 12 34 56", "Mon portable réunionnais : [téléphone masqué]")]
    [InlineData("Mon numéro suisse : +41 22 123 45 67", "Mon numéro suisse : [téléphone masqué]")]
    [InlineData("Tél.\u00A006\u00A012\u00A034\u00A056\u00A078", "Tél.\u00A0[téléphone masqué]")]
    [InlineData("tel:0612345678/0798765432", "tel:[téléphone masqué]/[téléphone masqué]")]
    [InlineData("Fixe 01 23 45 67 89 ou portable 07.98.76.54.32", "Fixe [téléphone masqué] ou portable [téléphone masqué]")]
    public void Phone_numbers_are_masked(string text, string expected)
    {
        Assert.Equal(expected, PersonalDataMasker.Mask(text));
    }

    [Theory]
    [InlineData("Écrivez-moi à jean.dupont@orange.fr.", "Écrivez-moi à [adresse masquée].")]
    [InlineData("Mon mail marie-claire.martin+prefecture@gmail.com pour la réponse", "Mon mail [adresse masquée] pour la réponse")]
    [InlineData("JEAN.DUPONT@WANADOO.FR", "[adresse masquée]")]
    [InlineData("Contact : jean.dupont [at] laposte.net", "Contact : [adresse masquée]")]
    [InlineData("Contact : jean.dupont(at)laposte.net", "Contact : [adresse masquée]")]
    [InlineData("mon adresse est jean.dupont arobase free.fr merci", "mon adresse est [adresse masquée] merci")]
    [InlineData("élodie.lefèvre@exemple.fr a déjà écrit trois fois", "[adresse masquée] a déjà écrit trois fois")]
    [InlineData("Courriel (a.b@mairie-valence.gouv.fr) sans réponse", "Courriel ([adresse masquée]) sans réponse")]
    [InlineData("0612345678@sfr.fr", "[adresse masquée]")]
    public void Email_addresses_are_masked(string text, string expected)
    {
        Assert.Equal(expected, PersonalDataMasker.Mask(text));
    }

    [Fact]
    public void Both_kinds_in_one_suggestion_are_masked()
    {
        Assert.Equal(
            "Personne ne répond. Mail : [adresse masquée] ou tél [téléphone masqué], je suis disponible le matin.",
            PersonalDataMasker.Mask("Personne ne répond. Mail : a.b@wanadoo.fr ou tél 07 98 76 54 32, je suis disponible le matin."));
    }

    [Theory]
    [InlineData("J'attends mon titre de séjour depuis 2024, on est en 2026 !")]
    [InlineData("Le guichet est ouvert de 12h à 14h, puis de 12h30 à 16h.")]
    [InlineData("Horaires affichés : 12h–14h, mais fermé à 13h45.")]
    [InlineData("Préfecture de la Drôme, 3 boulevard Vauban, 26000 Valence")]
    [InlineData("Bureau de Bourg : 01000 Bourg-en-Bresse")]
    [InlineData("Le timbre fiscal coûte 10 € et le passeport 86 €.")]
    [InlineData("Facture de 1 250,00 € remboursée en 2025.")]
    [InlineData("Mon dossier n° 12345 est bloqué.")]
    [InlineData("Numéro de dossier 2026-000123, déposé en ligne.")]
    [InlineData("Rendez-vous le 12/03/2026 à 9h30.")]
    [InlineData("Rendez-vous le 01/02/2026 à 10h, reporté au 03/02/2026.")]
    [InlineData("Déposé le 01.02.2026, toujours rien.")]
    [InlineData("Convoqué le 03 12 2025 10 h, personne au guichet.")]
    [InlineData("Hausse de +15 % des délais en 2026.")]
    [InlineData("Plus de 3 000 personnes attendaient, 45 minutes d'attente, 3 appels.")]
    [InlineData("Rdv à 08 h 30, reçu à 09 h 15.")]
    [InlineData("Suivez @prefet26 sur les réseaux, c'est pratique.")]
    [InlineData("Tout est expliqué sur www.service-public.fr, merci.")]
    [InlineData("Il faut 2 photos, 1 justificatif de domicile de moins de 3 mois.")]
    [InlineData("")]
    public void Ordinary_numbers_and_text_are_left_alone(string text)
    {
        Assert.Equal(text, PersonalDataMasker.Mask(text));
    }

    [Fact]
    public void A_long_text_without_personal_data_is_checked_quickly_and_kept()
    {
        // The longest suggestion a usager can write, made of the characters the e-mail pattern scans.
        var text = string.Concat(Enumerable.Repeat("abc.def-123_", 2000 / 12 + 1))[..2000];

        Assert.Equal(text, PersonalDataMasker.Mask(text));
    }

    [Fact]
    public void Null_is_refused()
    {
        Assert.Throws<ArgumentNullException>(() => PersonalDataMasker.Mask(null!));
    }
}
